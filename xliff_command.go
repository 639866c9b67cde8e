package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"entgo.io/ent/privacy"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"victimservices/internal/audit"
	"victimservices/internal/exchange"
	"victimservices/internal/request"
)

// The translator exchange's subcommands (see internal/exchange and the
// README's "Translations: review status and the translator exchange").

// xliffRequest is what xliff-export and xliff-import were asked.
type xliffRequest struct {
	locale, out, translator, localesDir, file string
	all, dryRun, publish                      bool
}

// xliffExportCommand writes what a locale lacks as XLIFF 2.0 to out (or
// standard output).
func xliffExportCommand(ctx context.Context, cfg Config, req xliffRequest, stdout io.Writer) error {
	client, err := prepare(ctx, &cfg)
	if err != nil {
		return err
	}
	defer client.Close()
	data, err := exchange.Export(privacy.DecisionContext(ctx, privacy.Allow), client,
		exchange.ExportOptions{Locale: req.locale, UI: os.DirFS(req.localesDir), All: req.all})
	if err != nil {
		return err
	}
	if req.out == "" {
		_, err = stdout.Write(data)
		return err
	}
	return os.WriteFile(req.out, data, 0o644)
}

// xliffImportCommand imports a translator's XLIFF file in one transaction,
// listing every refused unit; a progress bar shows on a terminal only.
func xliffImportCommand(ctx context.Context, cfg Config, req xliffRequest, stdout, stderr io.Writer) error {
	if req.file == "" {
		return errors.New("xliff-import: name the XLIFF file to import")
	}
	data, err := os.ReadFile(req.file)
	if err != nil {
		return err
	}
	client, err := prepare(ctx, &cfg)
	if err != nil {
		return err
	}
	defer client.Close()
	now := cfg.Clock()
	ctx = request.WithInstant(privacy.DecisionContext(ctx, privacy.Allow), now)
	opts := exchange.ImportOptions{Translator: req.translator, UIDir: req.localesDir, Now: now, DryRun: req.dryRun, Publish: req.publish}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		var bar *progressbar.ProgressBar
		opts.Progress = func(done, total int) {
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(f), progressbar.OptionSetDescription("importing"), progressbar.OptionClearOnFinish())
			}
			_ = bar.Set(done)
		}
	}
	rep, err := exchange.Import(ctx, client, data, opts)
	if err != nil {
		return err
	}
	verb := "imported"
	if req.dryRun {
		verb = "would import (dry run, nothing changed)"
	}
	fmt.Fprintf(stdout, "%s %s: %d directory texts, %d guide texts, %d UI strings, reviewed by %s\n", verb, rep.Locale, rep.Directory, rep.Guides, rep.UI, req.translator)
	if req.dryRun {
		return nil
	}
	return audit.Record(ctx, client, audit.Entry{Action: "translations.import", SubjectID: rep.Locale, System: true})
}
