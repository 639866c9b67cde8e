package main

// The ent generator runs from the module root so that its paths and
// gqlgen.yml's agree (see ent/entc.go); gqlgen runs after it, through cmd/gqlgen
// (resolver fields run without a goroutine each).
//go:generate go run -mod=mod ./ent/entc.go
//go:generate go run ./cmd/gqlgen
//go:generate go run ./cmd/print-schema
