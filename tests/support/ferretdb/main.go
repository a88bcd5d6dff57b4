// Command apo-ferretdb serves the MongoDB wire protocol for the test suite.
//
// It wraps the embeddable FerretDB v1 package with the SQLite backend, because
// `go install` of FerretDB's own command panics on a missing generated version
// file. It listens on -listen, keeps its data in -state-dir and exits cleanly
// on SIGTERM or SIGINT, so the pytest fixture can stop it by PID.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to serve MongoDB wire protocol on")
	stateDir := flag.String("state-dir", "", "directory for the SQLite databases (required)")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	flag.Parse()

	if err := run(*listen, *stateDir, *logLevel); err != nil {
		fmt.Fprintln(os.Stderr, "apo-ferretdb:", err)
		os.Exit(1)
	}
}

func run(listen, stateDir, logLevel string) error {
	if stateDir == "" {
		return fmt.Errorf("-state-dir is required")
	}

	dir, err := filepath.Abs(stateDir)
	if err != nil {
		return err
	}

	if err = os.MkdirAll(dir, 0o700); err != nil {
		return err
	}

	var level slog.Level
	if err = level.UnmarshalText([]byte(logLevel)); err != nil {
		return err
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// The SQLite backend wants a directory URI that ends with a slash.
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	// Run returns once ctx is cancelled and all connections and the backend are closed.
	return f.Run(ctx)
}
