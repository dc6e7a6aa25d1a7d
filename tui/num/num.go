// Package num formats numbers the Vietnamese way for the dashboard: decimal
// comma, dot thousands separator, signed changes and rank arrows.
package num

import (
	"math"
	"strconv"
	"strings"
)

// Dash stands for a value that does not apply.
const Dash = "–"

// Fixed formats v with dec decimals and a decimal comma.
func Fixed(v float64, dec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Dash
	}
	if dec >= 0 {
		// avoid "-0,00"
		p := math.Pow(10, float64(dec))
		if math.Round(v*p) == 0 {
			v = 0
		}
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	return strings.Replace(s, ".", ",", 1)
}

// Score formats a score with two decimals ("97,31").
func Score(v float64) string { return Fixed(v, 2) }

// ScoreP formats an optional score; nil gives "".
func ScoreP(v *float64) string {
	if v == nil {
		return ""
	}
	return Score(*v)
}

// Signed formats a change with an explicit sign ("+1,23", "-0,50", "0,00").
func Signed(v float64, dec int) string {
	s := Fixed(v, dec)
	if s == Dash {
		return s
	}
	if !strings.HasPrefix(s, "-") && strings.Trim(s, "0,") != "" {
		return "+" + s
	}
	return s
}

// SignedP formats an optional change; nil gives "".
func SignedP(v *float64, dec int) string {
	if v == nil {
		return ""
	}
	return Signed(*v, dec)
}

// Int formats an integer with a dot thousands separator ("10.000").
func Int(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	if len(s) > 3 {
		var b strings.Builder
		pre := len(s) % 3
		if pre > 0 {
			b.WriteString(s[:pre])
		}
		for i := pre; i < len(s); i += 3 {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s[i : i+3])
		}
		s = b.String()
	}
	if neg {
		return "-" + s
	}
	return s
}

// IntP formats an optional integer; nil gives "".
func IntP(n *int) string {
	if n == nil {
		return ""
	}
	return Int(*n)
}

// SignedInt formats an integer change ("+2", "-1", "0").
func SignedInt(n int) string {
	if n > 0 {
		return "+" + Int(n)
	}
	return Int(n)
}

// RankDelta shows a rank change: "▲3" climbed, "▼1" fell, "=" same; "mới"
// for a unit new this year; "" when there is nothing to compare.
func RankDelta(change *int, isNew bool) string {
	switch {
	case isNew:
		return "mới"
	case change == nil:
		return ""
	case *change > 0:
		return "▲" + strconv.Itoa(*change)
	case *change < 0:
		return "▼" + strconv.Itoa(-*change)
	}
	return "="
}

// Pct formats a percentage without decimals ("92%").
func Pct(v float64) string {
	if math.IsNaN(v) {
		return Dash
	}
	return strconv.Itoa(int(math.Round(v))) + "%"
}

// Ratio formats k/N.
func Ratio(k, n int) string { return Int(k) + "/" + Int(n) }
