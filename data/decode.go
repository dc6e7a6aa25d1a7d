package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	gounicode "unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// errEncoding says which encodings were tried when none fits.
var errEncoding = errors.New("text is not in a supported encoding (tried UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM, Windows-1258)")

// decode turns raw file bytes into NFC UTF-8 text and names the encoding found.
// Excel writes UTF-8 (often with a BOM), "Unicode text" as UTF-16 with a BOM,
// and older Vietnamese Windows exports as Windows-1258. bad holds the offsets
// in raw of bytes that are not UTF-8 in a file read as UTF-8 all the same:
// each is one "\uFFFD" in text (see decodeByEvidence).
func decode(raw []byte) (text []byte, encoding string, bad []int, err error) {
	nfc := false   // known to be NFC already
	noNUL := false // known to hold no NUL byte
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		// The BOM says UTF-8: bytes that are not are repaired, never a reason
		// to try another encoding.
		text, encoding = raw[3:], "UTF-8 with BOM"
		if !everyPart(text, utf8.Valid) {
			var ev utf8Evidence
			text, ev = repairUTF8(raw, 3)
			bad = ev.bad
		}
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		text, err = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
		encoding = "UTF-16LE"
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		text, err = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
		encoding = "UTF-16BE"
	case everyPart(raw, plainVietnamese):
		text, encoding, nfc, noNUL = raw, "UTF-8", true, true
	case everyPart(raw, utf8.Valid):
		text, encoding = raw, "UTF-8"
	default:
		text, encoding, bad, err = decodeByEvidence(raw)
		nfc = encoding == "Windows-1258" // composed while judged
	}
	if err != nil {
		return nil, "", bad, err
	}
	if strings.HasPrefix(encoding, "UTF-16") && bytes.ContainsRune(text, utf8.RuneError) {
		return nil, "", nil, errEncoding // a UTF-16 file cut mid-character
	}
	if !noNUL && bytes.IndexByte(text, 0) >= 0 {
		// NUL never occurs in a text export; UTF-16 without a BOM looks like this.
		return nil, "", nil, errEncoding
	}
	if !nfc && !everyPart(text, isNFC) {
		// Windows-1258 and some Mac exports write decomposed (NFD) accents.
		text = norm.NFC.Bytes(text)
	}
	return text, encoding, bad, nil
}

// decodeByEvidence reads a file that is not valid UTF-8. It weighs how well
// each encoding explains the whole file, never a single byte:
//
//   - Windows-1258 when every byte is defined in it, the bytes that are not
//     UTF-8 outnumber the valid multi-byte UTF-8 sequences at least ten to
//     one, and the text it gives reads as Vietnamese (at least half of its
//     non-ASCII characters are letters of the Vietnamese alphabet);
//   - refused as not text when the bad bytes outnumber the valid multi-byte
//     sequences and make more than one byte in ten;
//   - otherwise UTF-8, each bad byte shown as U+FFFD (bad holds their
//     offsets, for warnings that name their cells).
func decodeByEvidence(raw []byte) (text []byte, encoding string, bad []int, err error) {
	repaired, ev := repairUTF8(raw, 0)
	if len(ev.bad) >= cp1258Odds*ev.multiByte {
		if text, ok := decodeCP1258(raw); ok {
			return text, "Windows-1258", nil, nil
		}
	}
	if len(ev.bad) > ev.multiByte && len(ev.bad)*10 > len(raw) {
		return nil, "", ev.bad, fmt.Errorf("%w: %d of its %d bytes are not UTF-8, and it does not read as Vietnamese Windows-1258", errEncoding, len(ev.bad), len(raw))
	}
	return repaired, "UTF-8", ev.bad, nil
}

// cp1258Odds is how many bytes that are not UTF-8 there must be for each
// valid multi-byte UTF-8 sequence before Windows-1258 is considered: a
// Windows-1258 file has letters like "ở" as bytes UTF-8 cannot read, and
// almost never a pair UTF-8 can.
const cp1258Odds = 10

// utf8Evidence is what a pass over a file says about it as UTF-8.
type utf8Evidence struct {
	multiByte int   // valid sequences of two bytes or more
	bad       []int // offsets of bytes that start no valid sequence
}

// repairUTF8 returns raw[from:] with every byte that is not part of a valid
// UTF-8 sequence replaced by U+FFFD (one per byte, so a reader can count
// them), and what it found; offsets are into raw.
func repairUTF8(raw []byte, from int) ([]byte, utf8Evidence) {
	var ev utf8Evidence
	out := make([]byte, 0, len(raw)-from+64)
	for i := from; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			ev.bad = append(ev.bad, i)
			out = utf8.AppendRune(out, utf8.RuneError)
			i++
			continue
		}
		ev.multiByte++
		out = append(out, raw[i:i+size]...)
		i += size
	}
	return out, ev
}

// decodeCP1258 decodes Windows-1258 to NFC when the result is plausible: no
// byte the code page leaves undefined, and at least half of the non-ASCII
// characters (once composed: the code page writes tone marks apart)
// Vietnamese letters.
func decodeCP1258(raw []byte) ([]byte, bool) {
	text, err := charmap.Windows1258.NewDecoder().Bytes(raw)
	if err != nil || bytes.ContainsRune(text, utf8.RuneError) {
		return nil, false
	}
	text = norm.NFC.Bytes(text)
	letters, other := 0, 0
	for _, r := range string(text) {
		switch {
		case r < utf8.RuneSelf:
		case isVietnameseLetter(r):
			letters++
		default:
			other++
		}
	}
	return text, letters > 0 && letters >= other
}

// vietnameseLetters are the lower-case letters of the Vietnamese alphabet
// that are not ASCII, composed.
const vietnameseLetters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

func isVietnameseLetter(r rune) bool {
	return strings.ContainsRune(vietnameseLetters, gounicode.ToLower(r))
}

// vietFast reports whether text is valid UTF-8 made only of the characters
// isNFC passes without a closer look (ASCII, U+0080–U+027F, U+1E00–U+1EFF):
// then it is valid UTF-8 and NFC both. false means "look closer", not
// "invalid": one pass instead of two for the common Vietnamese file.
func vietFast(text []byte) bool {
	i, n := 0, len(text)
	for i < n {
		if i+8 <= n {
			// Skip the ASCII bytes before the first non-ASCII one of the
			// next eight: names mix them every few letters.
			m := binary.LittleEndian.Uint64(text[i:]) & 0x8080808080808080
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		} else if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		switch c := text[i]; {
		case c >= 0xC2 && c <= 0xC9 && i+1 < n && text[i+1]&0xC0 == 0x80:
			i += 2
		case c == 0xE1 && i+2 < n && text[i+1]-0xB8 <= 0xBB-0xB8 && text[i+2]&0xC0 == 0x80:
			i += 3
		default:
			return false
		}
	}
	return true
}

// plainVietnamese is vietFast for text that holds no NUL byte besides
// (decode refuses one): both checks a block at a time, so the second reads
// the block from the cache the first brought it to, not from memory again.
func plainVietnamese(text []byte) bool {
	for len(text) > 0 {
		n := min(len(text), plainBlockBytes)
		for n < len(text) && text[n] >= utf8.RuneSelf {
			n++ // an ASCII byte starts a character: blocks cut there check alike
		}
		if !vietFast(text[:n]) || bytes.IndexByte(text[:n], 0) >= 0 {
			return false
		}
		text = text[n:]
	}
	return true
}

// plainBlockBytes is the size of plainVietnamese's blocks, well within a
// core's cache.
const plainBlockBytes = 128 << 10

// isNFC is norm.NFC.IsNormal with a fast path: text made only of ASCII,
// Latin-1, Latin Extended-A/B and the precomposed Vietnamese letters
// (U+1E00–U+1EFF) has no combining marks and no character that NFC changes.
func isNFC(text []byte) bool {
	for i := 0; i < len(text); {
		if i+8 <= len(text) && binary.LittleEndian.Uint64(text[i:])&0x8080808080808080 == 0 {
			i += 8 // eight ASCII bytes
			continue
		}
		c := text[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			continue
		case c >= 0xC2 && c <= 0xC9: // U+0080–U+024F
			i += 2
			continue
		case c == 0xE1 && i+1 < len(text) && (text[i+1] == 0xB8 || text[i+1] == 0xB9 || text[i+1] == 0xBA || text[i+1] == 0xBB): // U+1E00–U+1EFF
			i += 3
			continue
		}
		return norm.NFC.IsNormal(text)
	}
	return true
}
