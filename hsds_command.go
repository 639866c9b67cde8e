package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/schollz/progressbar/v3"

	"victimservices/ent"
	"victimservices/internal/hsds"
	"victimservices/internal/notify"
	"victimservices/internal/storage"
	"victimservices/locales"
)

// importHSDSCommand imports an HSDS 3.0 dataset (a file, or a directory of
// .json files) in one transaction: with -dry-run it reports and changes
// nothing. Faults are printed one a line with their JSON pointer and nothing
// is written. A progress bar is drawn on stderr when it is a terminal.
func importHSDSCommand(ctx context.Context, cfg Config, args []string, locale string, dryRun bool, stdout, stderr io.Writer) error {
	if len(args) != 1 {
		return errors.New("usage: import-hsds [-dry-run] [-locale CODE] FILE|DIR")
	}
	files, err := hsds.ReadFiles(args[0])
	if err != nil {
		return err
	}
	client, err := prepare(ctx, &cfg)
	if err != nil {
		return err
	}
	defer client.Close()
	// Running servers empty their public answer caches when the import
	// commits (NOTIFY on PostgreSQL, sent in the import's transaction).
	d, _ := storage.Dialect(cfg.DatabaseURL)
	hub, err := notify.New(d, cfg.DatabaseURL, cfg.Logger)
	if err != nil {
		return fmt.Errorf("notifications: %w", err)
	}
	defer hub.Close()
	stop := storage.OnPublicChange(client, func(ctx context.Context, tx *ent.Tx) error {
		return hub.DirectoryChanged(ctx, tx, client)
	})
	defer stop()
	opt := hsds.Options{Locale: locale, DryRun: dryRun}
	if terminal(stderr) {
		var bar *progressbar.ProgressBar
		opt.Progress = func(done, total int) {
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr),
					progressbar.OptionSetDescription("import-hsds"), progressbar.OptionShowCount(),
					progressbar.OptionClearOnFinish())
			}
			_ = bar.Set(done)
		}
	}
	rep, err := hsds.Import(ctx, client, files, opt)
	var problems hsds.Problems
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Fprintln(stdout, p.String())
		}
		return fmt.Errorf("import-hsds: %d problems; nothing was imported", len(problems))
	}
	if err != nil {
		return err
	}
	if dryRun {
		fmt.Fprint(stdout, "dry run: nothing was changed\n")
	}
	fmt.Fprintf(stdout, "created %d, updated %d, unchanged %d\n", rep.Created, rep.Updated, rep.Unchanged)
	return nil
}

// exportHSDSCommand writes the public directory as one HSDS 3.0 dataset in
// a locale to stdout.
func exportHSDSCommand(ctx context.Context, cfg Config, locale string, stdout io.Writer) error {
	l, ok := locales.ByCode(locale)
	if !ok {
		return fmt.Errorf("unsupported locale %q", locale)
	}
	client, err := prepare(ctx, &cfg)
	if err != nil {
		return err
	}
	defer client.Close()
	d, err := hsds.Export(ctx, client, l)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

// terminal reports whether w is a terminal (a progress bar would only
// clutter a log or a pipe).
func terminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
