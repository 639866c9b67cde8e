// Package errcode is the one error type the application returns on purpose:
// a stable code (the GraphQL extensions.code), the id of a localized message
// in locales/active.*.toml and the data that fills it. Schema validators and
// hooks, the domain packages and the GraphQL layer all return it, so the
// error presenter never parses strings. Every sentinel error lives here.
package errcode
