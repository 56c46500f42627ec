package network

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"strings"
)

// decodeContent undoes the content codings listed in a response's
// Content-Encoding header values, last applied first. The decoded body
// may hold at most max bytes, which guards against compression bombs.
func decodeContent(body []byte, encodings []string, max int64) ([]byte, error) {
	var codings []string
	for _, v := range encodings {
		for _, c := range strings.Split(v, ",") {
			if c = strings.ToLower(strings.TrimSpace(c)); c != "" && c != "identity" {
				codings = append(codings, c)
			}
		}
	}
	for i := len(codings) - 1; i >= 0; i-- {
		if len(body) == 0 {
			// A HEAD-like empty body (204, 304) carries the header
			// without any coded data.
			return body, nil
		}
		var r io.Reader
		var err error
		switch codings[i] {
		case "gzip", "x-gzip":
			r, err = gzip.NewReader(bytes.NewReader(body))
		case "deflate":
			r = inflater(body)
		default:
			return nil, fmt.Errorf("unsupported content encoding %q", codings[i])
		}
		if err != nil {
			return nil, fmt.Errorf("bad %s data: %w", codings[i], err)
		}
		body, err = readLimited(r, max)
		if err != nil {
			if _, ok := err.(*reason); ok {
				return nil, err
			}
			return nil, fmt.Errorf("bad %s data: %w", codings[i], err)
		}
	}
	return body, nil
}

// inflater returns a reader of deflate-coded body. HTTP's "deflate" is
// the zlib format, but some servers send raw deflate data, as browsers
// tolerate; the first byte tells them apart, since a zlib header's first
// byte has compression method 8 in its low bits and raw deflate's first
// block seldom does.
func inflater(body []byte) io.Reader {
	if len(body) >= 2 && body[0]&0x0f == 8 && (uint(body[0])<<8|uint(body[1]))%31 == 0 {
		if r, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			return r
		}
	}
	return flate.NewReader(bytes.NewReader(body))
}
