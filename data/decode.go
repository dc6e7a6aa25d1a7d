package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// errEncoding says which encodings were tried when none fits.
var errEncoding = errors.New("text is not in a supported encoding (tried UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM, Windows-1258)")

// decode turns raw file bytes into NFC UTF-8 text and names the encoding found.
// Excel writes UTF-8 (often with a BOM), "Unicode text" as UTF-16 with a BOM,
// and older Vietnamese Windows exports as Windows-1258.
func decode(raw []byte) (text []byte, encoding string, err error) {
	nfc := false // known to be NFC already
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		text, encoding = raw[3:], "UTF-8 with BOM"
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		text, err = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
		encoding = "UTF-16LE"
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		text, err = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
		encoding = "UTF-16BE"
	case everyPart(raw, vietFast):
		text, encoding, nfc = raw, "UTF-8", true
	case everyPart(raw, utf8.Valid):
		text, encoding = raw, "UTF-8"
	default:
		text, encoding, err = decodeLegacy(raw)
	}
	if err != nil {
		return nil, "", errEncoding
	}
	if encoding != "UTF-8" && encoding != "UTF-8 with BOM" && bytes.ContainsRune(text, utf8.RuneError) {
		return nil, "", errEncoding // a UTF-16 file cut mid-character
	}
	if bytes.IndexByte(text, 0) >= 0 {
		// NUL never occurs in a text export; UTF-16 without a BOM looks like this.
		return nil, "", errEncoding
	}
	if !nfc && !everyPart(text, isNFC) {
		// Windows-1258 and some Mac exports write decomposed (NFD) accents.
		text = norm.NFC.Bytes(text)
	}
	return text, encoding, nil
}

// decodeLegacy tries Windows-1258, the Vietnamese Windows code page. Bytes that
// code page leaves undefined, or C1 controls, mean the file is something else.
func decodeLegacy(raw []byte) ([]byte, string, error) {
	text, err := charmap.Windows1258.NewDecoder().Bytes(raw)
	if err != nil || bytes.ContainsRune(text, utf8.RuneError) {
		return nil, "", errEncoding
	}
	return text, "Windows-1258", nil
}

// everyPart reports whether ok holds for every line-aligned part of text,
// checking big texts on every core. Cutting after a '\n' keeps both checks
// exact: a line break is a whole UTF-8 character and an NFC starter that
// composes with nothing.
func everyPart(text []byte, ok func([]byte) bool) bool {
	n := min(runtime.GOMAXPROCS(0), len(text)/(4<<20))
	if n < 2 {
		return ok(text)
	}
	var failed atomic.Bool
	var wg sync.WaitGroup
	start := 0
	for k := 1; k <= n; k++ {
		end := len(text)
		if k < n {
			end = max(start, k*len(text)/n)
			if nl := bytes.IndexByte(text[end:], '\n'); nl >= 0 {
				end += nl + 1
			} else {
				end = len(text)
			}
		}
		wg.Add(1)
		go func(part []byte) {
			defer wg.Done()
			if !ok(part) {
				failed.Store(true)
			}
		}(text[start:end])
		start = end
		if start == len(text) {
			break
		}
	}
	wg.Wait()
	return !failed.Load()
}

// vietFast reports whether text is valid UTF-8 made only of the characters
// isNFC passes without a closer look (ASCII, U+0080–U+027F, U+1E00–U+1EFF):
// then it is valid UTF-8 and NFC both. false means "look closer", not
// "invalid": one pass instead of two for the common Vietnamese file.
func vietFast(text []byte) bool {
	for i := 0; i < len(text); {
		if i+8 <= len(text) && binary.LittleEndian.Uint64(text[i:])&0x8080808080808080 == 0 {
			i += 8
			continue
		}
		c := text[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xC2 && c <= 0xC9 && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			i += 2
		case c == 0xE1 && i+2 < len(text) && text[i+1] >= 0xB8 && text[i+1] <= 0xBB && text[i+2]&0xC0 == 0x80:
			i += 3
		default:
			return false
		}
	}
	return true
}

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
