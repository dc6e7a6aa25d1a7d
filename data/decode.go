package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/bits"
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
