package main

import (
	"crypto/rand"
	"encoding/hex"
	"flag"
	"net/http"
	"testing"
)

// TestMetricsNotPublicInProduction: the API port serves /metrics in
// development, but in production only with METRICS_PUBLIC=true (otherwise
// METRICS_ADDR, a private address, is where it lives).
func TestMetricsNotPublicInProduction(t *testing.T) {
	secret := make([]byte, 24)
	_, _ = rand.Read(secret)
	tests := []struct {
		name       string
		production bool
		env        map[string]string
		want       int
	}{
		{"development", false, nil, http.StatusOK},
		{"production", true, nil, http.StatusNotFound},
		{"production, METRICS_PUBLIC=true", true, map[string]string{"METRICS_PUBLIC": "true"}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(t)
			flags := configFlags(flag.NewFlagSet("test", flag.ContinueOnError), func(key string) string { return tt.env[key] })
			cfg.MetricsPublic = flags.MetricsPublic
			if tt.production {
				cfg.AppEnv = "production"
				cfg.AuthSecret = hex.EncodeToString(secret)
			}
			addr, _ := startServer(t, cfg)
			resp, err := http.Get("http://" + addr + "/metrics")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("GET /metrics: %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
}
