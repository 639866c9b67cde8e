package hsds

import (
	"github.com/google/uuid"

	"victimservices/ent/schema/nodeid"
)

// namespace is the UUID namespace of every id this package derives.
var namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("urn:victimservices:hsds"))

// idOf returns the HSDS id of a row: the one it was imported under, else a
// UUID derived from its node id.
func idOf(stored *string, id nodeid.ID) string {
	if stored != nil && *stored != "" {
		return *stored
	}
	return uuid.NewSHA1(namespace, []byte(id)).String()
}

// childID returns the id of a record nested in the row with HSDS id owner
// (its phones, schedules, …): derived from the owner's id, the record's kind
// and its key, so it is the same wherever the owner is exported.
func childID(owner, kind, key string) string {
	return uuid.NewSHA1(namespace, []byte(owner+"/"+kind+"/"+key)).String()
}

// nodeIDFor is the node id a row imported under the HSDS id u gets: derived,
// so that importing the same dataset into two databases gives the same ids.
func nodeIDFor(prefix, u string) nodeid.ID { return nodeid.Derive(prefix, "hsds:"+u) }
