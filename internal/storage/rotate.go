package storage

import (
	"context"
	"database/sql"
	"fmt"

	entsql "entgo.io/ent/dialect/sql"

	"victimservices/ent"
	"victimservices/ent/schema/sealed"
)

// sealedColumns are the columns package sealed encrypts, by table (the ent
// schema attaches sealed.Field to each; a test keeps the list in step).
var sealedColumns = map[string][]string{
	"case_files":    {"phone", "email", "safe_contact_times", "description"},
	"case_messages": {"body"},
}

// SealedColumns lists the sealed columns by table.
func SealedColumns() map[string][]string { return sealedColumns }

// RotateBatch is how many rows RotateKeys re-seals per transaction.
const RotateBatch = 200

// RotateKeys re-seals, under the keyring's current key, every sealed value
// written under another key (or before encryption), and recomputes the
// phone's blind index; in batches of RotateBatch rows, each its own
// transaction, so it can run beside the server and be resumed. progress is
// called after each batch with the rows looked at and re-sealed so far.
// Rows already under the current key are left alone (a second run
// re-seals nothing).
func RotateKeys(ctx context.Context, client *ent.Client, dialect string, progress func(table string, seen, resealed, total int)) error {
	current := sealed.InUse().Current()
	for _, table := range []string{"case_files", "case_messages"} {
		cols := sealedColumns[table]
		total, err := count(ctx, client, dialect, table)
		if err != nil {
			return err
		}
		seen, resealed, after := 0, 0, ""
		for {
			n, changed, last, err := rotateBatch(ctx, client, dialect, table, cols, after, current)
			if err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
			seen, resealed, after = seen+n, resealed+changed, last
			if progress != nil {
				progress(table, seen, resealed, total)
			}
			if n < RotateBatch {
				break
			}
		}
	}
	return nil
}

func rotateBatch(ctx context.Context, client *ent.Client, dialect, table string, cols []string, after, current string) (n, changed int, last string, err error) {
	tx, err := client.Tx(ctx)
	if err != nil {
		return 0, 0, "", err
	}
	defer func() { _ = tx.Rollback() }()
	c, err := SQLTx(tx)
	if err != nil {
		return 0, 0, "", err
	}
	sel := entsql.Dialect(dialect).Select(append([]string{"id"}, cols...)...).From(entsql.Table(table)).
		Where(entsql.GT("id", after)).OrderBy("id").Limit(RotateBatch)
	query, args := sel.Query()
	rows, err := c.QueryContext(ctx, query, args...)
	if err != nil {
		return 0, 0, "", err
	}
	type row struct {
		id   string
		vals []sql.NullString
	}
	var batch []row
	for rows.Next() {
		r := row{vals: make([]sql.NullString, len(cols))}
		dest := []any{&r.id}
		for i := range r.vals {
			dest = append(dest, &r.vals[i])
		}
		if err := rows.Scan(dest...); err != nil {
			rows.Close()
			return 0, 0, "", err
		}
		batch = append(batch, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, "", err
	}
	for _, r := range batch {
		u := entsql.Dialect(dialect).Update(table).Where(entsql.EQ("id", r.id))
		dirty := false
		for i, v := range r.vals {
			if !v.Valid || v.String == "" || sealed.KeyOf(v.String) == current {
				continue
			}
			plain, err := sealed.Open(v.String)
			if err != nil {
				return 0, 0, "", fmt.Errorf("row %s, %s: %w", r.id, cols[i], err)
			}
			s, err := sealed.Seal(plain)
			if err != nil {
				return 0, 0, "", err
			}
			u.Set(cols[i], s)
			if table == "case_files" && cols[i] == "phone" {
				u.Set("phone_lookup", sealed.Lookup(plain))
			}
			dirty = true
		}
		if dirty {
			q, a := u.Query()
			if _, err := c.ExecContext(ctx, q, a...); err != nil {
				return 0, 0, "", err
			}
			changed++
		}
	}
	if len(batch) > 0 {
		last = batch[len(batch)-1].id
	}
	return len(batch), changed, last, tx.Commit()
}

func count(ctx context.Context, client *ent.Client, dialect, table string) (int, error) {
	tx, err := client.Tx(ctx)
	if err != nil {
		return 0, err
	}
	defer func() { _ = tx.Rollback() }()
	c, err := SQLTx(tx)
	if err != nil {
		return 0, err
	}
	query, args := entsql.Dialect(dialect).Select("COUNT(*)").From(entsql.Table(table)).Query()
	var n int
	err = c.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, err
}
