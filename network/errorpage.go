package network

import (
	"errors"
	"html"
	"strings"
)

// ErrorPage returns a small self-contained HTML page explaining err, for
// the browser to show in a tab whose load failed. It has no external
// resources, so it shows even when nothing can be loaded.
func ErrorPage(err error) []byte {
	url, what, detail, hint := "", "Something went wrong while loading the page.", "", "Try again later."
	var le *LoadError
	if errors.As(err, &le) {
		url = le.URL
		what, hint = explain(le)
		if le.Err != nil {
			detail = le.Err.Error()
		}
	} else if err != nil {
		detail = err.Error()
	}
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Problem loading page</title>
<style>
body { font-family: sans-serif; background: #f4f4f6; color: #222; margin: 0; }
main { max-width: 36em; margin: 4em auto; padding: 2em; background: #fff;
       border: 1px solid #ddd; border-radius: 8px; }
h1 { font-size: 1.5em; margin-top: 0; color: #b3261e; }
.url { font-family: monospace; word-break: break-all; color: #555; }
.detail { font-size: 0.85em; color: #777; }
.hint { border-left: 3px solid #ccc; padding-left: 0.75em; }
</style></head>
<body><main>
<h1>Problem loading page</h1>
`)
	if url != "" {
		b.WriteString(`<p class="url">` + html.EscapeString(url) + "</p>\n")
	}
	b.WriteString("<p>" + html.EscapeString(what) + "</p>\n")
	if detail != "" {
		b.WriteString(`<p class="detail">` + html.EscapeString(detail) + "</p>\n")
	}
	b.WriteString(`<p class="hint">` + html.EscapeString(hint) + "</p>\n")
	b.WriteString("</main></body></html>\n")
	return []byte(b.String())
}

// explain returns a sentence saying what went wrong and one suggesting
// what to do about it.
func explain(e *LoadError) (what, hint string) {
	switch e.Kind {
	case NotFound:
		if strings.HasPrefix(e.URL, "about:") {
			return "There is no built-in page with this name.", "Check the address for typing errors."
		}
		return "The file could not be found.", "Check that the file exists and that its name is spelled correctly."
	case Refused:
		return "The server refused the connection.", "Check that the server is running and that the address and port are right."
	case HostNotFound:
		return "The server's name could not be found.", "Check the address for typing errors, and check your network connection."
	case Timeout:
		return "The server took too long to respond.", "The site may be busy or down. Try again later, and check your network connection."
	case TooManyRedirects:
		return "The page keeps redirecting and never arrives.", "The site is misconfigured; try again later."
	case BadURL:
		return "The address is not valid.", "Check the address for typing errors."
	case Unsupported:
		return "Glassbox does not know how to open this kind of address.", "Glassbox opens http, https, file, data and about addresses."
	}
	return "Something went wrong while loading the page.", "Check the address, and try again later."
}
