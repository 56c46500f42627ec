package network

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	neturl "net/url"
	"os"
	"syscall"
	"time"
)

// ErrorKind classifies why a load failed, so that the user interface can
// explain it and suggest a remedy.
type ErrorKind int

// The kinds of load failure.
const (
	Other            ErrorKind = iota // anything not listed below
	NotFound                          // no such file or about: page
	Refused                           // nothing listening at the address
	HostNotFound                      // the host name does not resolve
	Timeout                           // the load took longer than allowed
	TooManyRedirects                  // a redirect chain too long, or a loop
	BadURL                            // a malformed URL
	Unsupported                       // a scheme the loader cannot fetch
)

var kindNames = [...]string{
	Other:            "Other",
	NotFound:         "NotFound",
	Refused:          "Refused",
	HostNotFound:     "HostNotFound",
	Timeout:          "Timeout",
	TooManyRedirects: "TooManyRedirects",
	BadURL:           "BadURL",
	Unsupported:      "Unsupported",
}

func (k ErrorKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("ErrorKind(%d)", int(k))
}

// LoadError is the error a load fails with.
type LoadError struct {
	URL  string    // the URL that could not be loaded
	Kind ErrorKind // why, broadly
	// Err says why in words fit for a user ("file not found"); it wraps
	// the underlying error, if any, for errors.Is and errors.As.
	Err error
}

// Error returns a one-line message such as
// "cannot load http://127.0.0.1:1/: connection refused".
func (e *LoadError) Error() string {
	msg := "unknown error"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	return "cannot load " + e.URL + ": " + msg
}

func (e *LoadError) Unwrap() error { return e.Err }

// reason is a user-facing description of a failure that keeps the error
// it describes reachable for errors.Is and errors.As.
type reason struct {
	msg   string
	cause error
}

func (r *reason) Error() string { return r.msg }
func (r *reason) Unwrap() error { return r.cause }

// loadErr returns a *LoadError for url with the given kind and message,
// wrapping cause.
func loadErr(url string, kind ErrorKind, msg string, cause error) *LoadError {
	return &LoadError{URL: url, Kind: kind, Err: &reason{msg: msg, cause: cause}}
}

// errTimeout is the cause of the context a Loader puts its own time limit
// on, which tells its expiry apart from the caller's context expiring.
var errTimeout = errors.New("load timed out")

// errTooManyRedirects is what the redirect policy stops a chain with.
var errTooManyRedirects = errors.New("too many redirects")

// classify turns an error from fetching url into a *LoadError. ctx is the
// context the fetch ran under and timeout the Loader's own limit.
func classify(ctx context.Context, url string, err error, timeout time.Duration) *LoadError {
	var le *LoadError
	if errors.As(err, &le) {
		return le
	}
	var dnsErr *net.DNSError
	var netErr net.Error
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	switch {
	case errors.Is(err, errTooManyRedirects):
		return loadErr(url, TooManyRedirects, "too many redirects", err)
	case context.Cause(ctx) == errTimeout:
		// Whatever error the transport saw, it saw it because our own
		// deadline passed.
		return loadErr(url, Timeout, "timed out after "+timeout.String(), err)
	case errors.Is(err, context.Canceled):
		return loadErr(url, Other, "cancelled", err)
	case errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &netErr) && netErr.Timeout():
		return loadErr(url, Timeout, "timed out", err)
	case errors.Is(err, os.ErrNotExist):
		return loadErr(url, NotFound, "file not found", err)
	case errors.Is(err, os.ErrPermission):
		return loadErr(url, Other, "permission denied", err)
	case errors.Is(err, syscall.ECONNREFUSED):
		return loadErr(url, Refused, "connection refused", err)
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return loadErr(url, HostNotFound, "host not found", err)
	case errors.Is(err, syscall.ECONNRESET):
		return loadErr(url, Other, "connection reset", err)
	case errors.As(err, &unknownAuthority), errors.As(err, &hostname),
		errors.As(err, &invalid), errors.As(err, &verify):
		return loadErr(url, Other, "the server's certificate is not valid", err)
	}
	// net/http's *url.Error repeats the method and URL; the message
	// already names the URL.
	msg := err.Error()
	var ue *neturl.Error
	if errors.As(err, &ue) {
		msg = ue.Err.Error()
	}
	return loadErr(url, Other, msg, err)
}
