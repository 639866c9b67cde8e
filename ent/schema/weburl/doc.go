// Package weburl checks the web addresses the directory publishes (an
// organization's website): an absolute https: or http: URL with a host, and
// nothing a browser or an app would treat differently from what an editor
// sees (no javascript:, data: or other schemes, no credentials before the
// host, no spaces or control characters).
package weburl
