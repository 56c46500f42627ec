// Package network is the browser's loader: it turns a URL into the bytes
// of a resource, whatever the scheme.
//
// A Loader fetches http and https resources with net/http (following
// redirects, undoing gzip and deflate content codings, under a timeout),
// reads file: URLs from disk (listing directories as HTML), decodes data:
// URLs, and serves about: pages from an fs.FS. Failures come back as
// *LoadError, whose Kind tells the user interface what went wrong and
// whose message is fit to show; ErrorPage renders one as an HTML page for
// a tab.
//
// HTTP error statuses are not errors here: a 404 page is a page, and the
// browser shows it.
//
// ParseUserInput and Resolve turn what a user types and what a document
// references into URLs.
package network
