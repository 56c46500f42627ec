package network

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// UserAgent is the User-Agent header the Loader sends.
const UserAgent = "Glassbox/0.1"

// Defaults for the zero fields of Options.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 20
	DefaultMaxBodySize  = 64 << 20
)

// Options configure a Loader. Zero fields take the defaults.
type Options struct {
	// Timeout limits a whole load, from connecting to the last byte of the
	// body. Default DefaultTimeout.
	Timeout time.Duration
	// MaxRedirects is how many redirects one load follows before giving
	// up. Default DefaultMaxRedirects.
	MaxRedirects int
	// MaxBodySize is the largest body, after decoding, a load accepts.
	// Default DefaultMaxBodySize.
	MaxBodySize int64
	// Pages holds the about: pages: about:NAME is NAME.html in Pages.
	// about:blank needs none. May be nil.
	Pages fs.FS
}

// Response is a loaded resource.
type Response struct {
	URL         *url.URL // the final URL after redirects
	Status      int      // HTTP status; 200 for file:, data:, about:
	ContentType string   // MIME type without parameters, lower case ("text/html"); sniffed when absent
	Charset     string   // from Content-Type params, if any
	// Header is the HTTP response header, nil for other schemes. Since
	// Body is decoded, Content-Encoding and Content-Length are removed.
	Header http.Header
	Body   []byte // decoded (gzip/deflate removed)
}

// A Loader loads resources. It is safe for concurrent use; its HTTP
// connections are pooled across loads.
type Loader struct {
	timeout      time.Duration
	maxRedirects int
	maxBody      int64
	pages        fs.FS
	client       *http.Client
}

// NewLoader returns a Loader configured by opts.
func NewLoader(opts Options) *Loader {
	l := &Loader{
		timeout:      opts.Timeout,
		maxRedirects: opts.MaxRedirects,
		maxBody:      opts.MaxBodySize,
		pages:        opts.Pages,
	}
	if l.timeout <= 0 {
		l.timeout = DefaultTimeout
	}
	if l.maxRedirects <= 0 {
		l.maxRedirects = DefaultMaxRedirects
	}
	if l.maxBody <= 0 {
		l.maxBody = DefaultMaxBodySize
	}
	l.client = &http.Client{
		Transport:     http.DefaultTransport.(*http.Transport).Clone(),
		CheckRedirect: l.checkRedirect,
	}
	return l
}

// Load fetches u. A failure is a *LoadError; an HTTP error status is not
// a failure.
func (l *Loader) Load(ctx context.Context, u *url.URL) (*Response, error) {
	if u == nil {
		return nil, &LoadError{URL: "(nil)", Kind: BadURL, Err: errors.New("no URL")}
	}
	// The response keeps its own copy, out of reach of the caller's
	// later changes to u.
	uc := *u
	u = &uc
	ctx, cancel := context.WithTimeoutCause(ctx, l.timeout, errTimeout)
	defer cancel()
	var resp *Response
	var err error
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		resp, err = l.loadHTTP(ctx, u)
	case "file":
		resp, err = l.loadFile(ctx, u)
	case "data":
		resp, err = loadData(u)
	case "about":
		resp, err = l.loadAbout(u)
	case "":
		return nil, loadErr(u.String(), BadURL, "not an absolute URL", nil)
	default:
		return nil, loadErr(u.String(), Unsupported, fmt.Sprintf("unsupported scheme %q", u.Scheme), nil)
	}
	if err != nil {
		return nil, classify(ctx, u.String(), err, l.timeout)
	}
	return resp, nil
}

// checkRedirect is the client's redirect policy: a bounded chain, and
// only to schemes the client can fetch.
func (l *Loader) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > l.maxRedirects {
		return errTooManyRedirects
	}
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return loadErr(req.URL.String(), Unsupported, fmt.Sprintf("redirected to unsupported scheme %q", s), nil)
	}
	return nil
}

func (l *Loader) loadHTTP(ctx context.Context, u *url.URL) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, loadErr(u.String(), BadURL, "malformed URL", err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	// Setting Accept-Encoding ourselves turns off the transport's
	// transparent gzip handling, so decodeContent undoes the codings;
	// in exchange deflate is accepted too.
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	hr, err := l.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer hr.Body.Close()
	raw, err := readLimited(hr.Body, l.maxBody)
	if err != nil {
		return nil, err
	}
	body, err := decodeContent(raw, hr.Header.Values("Content-Encoding"), l.maxBody)
	if err != nil {
		return nil, err
	}
	hr.Header.Del("Content-Encoding")
	hr.Header.Del("Content-Length")
	resp := &Response{
		URL:    hr.Request.URL,
		Status: hr.StatusCode,
		Header: hr.Header,
		Body:   body,
	}
	resp.ContentType, resp.Charset = mediaType(hr.Header.Get("Content-Type"))
	if resp.ContentType == "" {
		resp.ContentType = sniff(body)
	}
	return resp, nil
}

// errTooLarge is the cause of a body over the size limit.
var errTooLarge = errors.New("body too large")

// readLimited reads r to the end, failing if it holds more than max
// bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, &reason{msg: fmt.Sprintf("larger than the limit of %d bytes", max), cause: errTooLarge}
	}
	return b, nil
}

// mediaType splits a Content-Type header value into the lower-case MIME
// type and the charset parameter. It returns "" for a missing or
// malformed value and for the values that the MIME sniffing standard
// says mean "unknown", so that the caller sniffs.
func mediaType(header string) (typ, charset string) {
	if header == "" {
		return "", ""
	}
	t, params, err := mime.ParseMediaType(header)
	if err != nil {
		// ParseMediaType rejects some parameters that browsers skip over
		// ("text/html; charset"); the type itself is still good.
		t, _, _ = strings.Cut(header, ";")
		t = strings.ToLower(strings.TrimSpace(t))
	}
	// ParseMediaType takes a bare token, as Content-Disposition needs;
	// a MIME type needs a subtype.
	if typ, sub, ok := strings.Cut(t, "/"); !ok || typ == "" || sub == "" || strings.ContainsAny(t, " \t") {
		return "", ""
	}
	switch t {
	case "unknown/unknown", "application/unknown", "*/*":
		return "", ""
	}
	return t, params["charset"]
}

// sniff guesses the MIME type of body, without parameters.
func sniff(body []byte) string {
	t, _, _ := strings.Cut(http.DetectContentType(body), ";")
	return t
}

func (l *Loader) loadAbout(u *url.URL) (*Response, error) {
	name := u.Opaque
	if name == "" {
		// "about:/x" parses with a path rather than opaque data.
		name = strings.TrimPrefix(u.Path, "/")
	}
	name = strings.ToLower(name)
	resp := &Response{URL: u, Status: http.StatusOK, ContentType: "text/html", Charset: "utf-8"}
	if name == "blank" {
		resp.Body = []byte{}
		return resp, nil
	}
	file := name + ".html"
	if l.pages == nil || name == "" || strings.Contains(name, "/") || !fs.ValidPath(file) {
		return nil, loadErr(u.String(), NotFound, "no such page", fs.ErrNotExist)
	}
	body, err := fs.ReadFile(l.pages, file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, loadErr(u.String(), NotFound, "no such page", err)
		}
		return nil, err
	}
	resp.Body = body
	return resp, nil
}
