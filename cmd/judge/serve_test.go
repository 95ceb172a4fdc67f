package main

import (
	"strings"
	"testing"
	"time"
)

// TestLoadServeConfig: the example config loads, the environment overrides
// it, flags override both, and a bad value names its key.
func TestLoadServeConfig(t *testing.T) {
	load := func(t *testing.T, args ...string) (serveConfig, error) {
		t.Helper()
		cmd := newServeCmd(&Factory{})
		if err := cmd.ParseFlags(args); err != nil {
			t.Fatal(err)
		}
		return loadServeConfig(cmd.Flags())
	}
	t.Run("example", func(t *testing.T) {
		c, err := load(t, "--config", "../../examples/serve.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if c.Listen != "127.0.0.1:7070" || c.Data != "/var/lib/judge" || c.Drain != 10*time.Second ||
			c.RateLimits.SubmitsPerMinute != 5 || c.RateLimits.SubmitEvery != time.Second ||
			c.Limits.MaxCodeBytes != 65536 || c.Limits.MaxWait != time.Minute || c.Warm != 2 {
			t.Errorf("config = %+v", c)
		}
	})
	t.Run("env over file, flags over env", func(t *testing.T) {
		t.Setenv("JUDGE_RATE_LIMITS_SUBMITS_PER_MINUTE", "9")
		t.Setenv("JUDGE_LISTEN", "127.0.0.1:1")
		c, err := load(t, "--config", "../../examples/serve.yaml", "--listen", "127.0.0.1:2")
		if err != nil {
			t.Fatal(err)
		}
		if c.RateLimits.SubmitsPerMinute != 9 || c.Listen != "127.0.0.1:2" {
			t.Errorf("submits_per_minute %d, listen %s; want 9 and 127.0.0.1:2", c.RateLimits.SubmitsPerMinute, c.Listen)
		}
	})
	t.Run("defaults", func(t *testing.T) {
		c, err := load(t)
		if err != nil {
			t.Fatal(err)
		}
		if c.RateLimits.RunEvery != time.Second || c.RateLimits.SubmitsPerMinute != 5 || c.Limits.MaxPerPage != 100 {
			t.Errorf("defaults = %+v", c)
		}
	})
	for _, tc := range []struct {
		args []string
		env  [2]string
		want string
	}{
		{args: []string{"--log-level", "loud"}, want: "log_level"},
		{args: []string{"--rate-submit-every", "-1s"}, want: "rate_limits"},
		{env: [2]string{"JUDGE_LIMITS_MAX_CODE_BYTES", "99999999"}, want: "max_code_bytes"},
		{args: []string{"--runner", "ftp://x"}, want: "runners"},
		{args: []string{"--config", "/nonexistent/serve.yaml"}, want: "/nonexistent/serve.yaml"},
	} {
		t.Run("bad "+tc.want, func(t *testing.T) {
			if tc.env[0] != "" {
				t.Setenv(tc.env[0], tc.env[1])
			}
			_, err := load(t, tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one naming %s", err, tc.want)
			}
		})
	}
}
