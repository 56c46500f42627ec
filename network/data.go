package network

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
)

// loadData decodes a data: URL as the Fetch standard's data: URL
// processor does.
func loadData(u *url.URL) (*Response, error) {
	typ, charset, body, ok := parseDataURL(u)
	if !ok {
		return nil, loadErr(u.String(), BadURL, "malformed data: URL", nil)
	}
	return &Response{URL: u, Status: http.StatusOK, ContentType: typ, Charset: charset, Body: body}, nil
}

// parseDataURL returns the MIME type, charset and body of a data: URL.
func parseDataURL(u *url.URL) (typ, charset string, body []byte, ok bool) {
	v := *u
	v.Fragment, v.RawFragment = "", ""
	input, found := strings.CutPrefix(v.String(), "data:")
	if !found {
		return "", "", nil, false
	}
	input = trimASCIISpace(input)
	mimeType, rest, found := strings.Cut(input, ",")
	if !found {
		return "", "", nil, false
	}
	mimeType = trimASCIISpace(mimeType)
	body = percentDecode(rest)

	// ";base64", with any spaces before "base64", marks base64 data.
	if len(mimeType) >= 6 && strings.EqualFold(mimeType[len(mimeType)-6:], "base64") {
		head := strings.TrimRight(mimeType[:len(mimeType)-6], " ")
		if before, ok := strings.CutSuffix(head, ";"); ok {
			body, ok = forgivingBase64(string(body))
			if !ok {
				return "", "", nil, false
			}
			mimeType = before
		}
	}
	if strings.HasPrefix(mimeType, ";") {
		mimeType = "text/plain" + mimeType
	}
	typ, charset = mediaType(mimeType)
	if typ == "" {
		typ, charset = "text/plain", "US-ASCII"
	}
	return typ, charset, body, true
}

// percentDecode decodes %XX escapes in s, leaving a % that starts no
// escape as it is, as the URL standard's percent-decode does.
func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// forgivingBase64 decodes s as the Infra standard's forgiving-base64
// decode does: ASCII whitespace is ignored and padding is optional.
func forgivingBase64(s string) ([]byte, bool) {
	s = strings.Map(func(r rune) rune {
		if isASCIISpace(r) {
			return -1
		}
		return r
	}, s)
	if len(s)%4 == 0 {
		s = strings.TrimSuffix(s, "=")
		s = strings.TrimSuffix(s, "=")
	}
	if len(s)%4 == 1 {
		return nil, false
	}
	// RawStdEncoding rejects '=' and anything outside the alphabet, and
	// ignores nonzero leftover bits, as the standard requires.
	b, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		return nil, false
	}
	return b, true
}

func isASCIISpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r'
}

func trimASCIISpace(s string) string {
	return strings.TrimFunc(s, isASCIISpace)
}
