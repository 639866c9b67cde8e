package directory

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"

	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqljson"
	"github.com/99designs/gqlgen/graphql"

	"victimservices/ent"
	"victimservices/ent/location"
	"victimservices/ent/organization"
	"victimservices/ent/predicate"
	"victimservices/ent/schema/area"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/service"
)

// EarthRadiusKm is the mean radius of the Earth (IUGG), the sphere on which
// distances are measured. For a city the error of a sphere against the
// ellipsoid (under 0.5 %) is far below what "near me" needs.
const EarthRadiusKm = 6371.0088

// MaxWithinKm is the largest radius accepted: about half the Earth's
// circumference, which already includes every point.
const MaxWithinKm = 20000

// Near is a point on the map in degrees (WGS 84): the GraphQL NearInput.
type Near struct {
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

// HaversineKm is the great-circle distance between a and b in kilometres.
func HaversineKm(a, b Near) float64 {
	const rad = math.Pi / 180
	dLat := (b.Latitude - a.Latitude) * rad
	dLng := (b.Longitude - a.Longitude) * rad
	h := math.Pow(math.Sin(dLat/2), 2) +
		math.Cos(a.Latitude*rad)*math.Cos(b.Latitude*rad)*math.Pow(math.Sin(dLng/2), 2)
	return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// DistanceKm is the distance of l from near, or nil without near or when l
// has no coordinates. It is computed from the row itself, so a list of
// places costs no statement per place.
func DistanceKm(near *Near, l *ent.Location) *float64 {
	if near == nil || l.Latitude == nil || l.Longitude == nil {
		return nil
	}
	d := HaversineKm(*near, Near{*l.Latitude, *l.Longitude})
	return &d
}

// LocationFilter is what the root locations field filters and orders by.
type LocationFilter struct {
	Near            *Near
	WithinKm        *float64
	AdaAccessible   *bool
	Neighborhood    *string
	ServiceCategory *service.Category
	OpenNow         *bool
	// ModifiedAfter keeps places that changed after it (offline sync).
	ModifiedAfter *time.Time
}

// validate refuses a point off the globe, a radius without a point, and a
// radius that is not positive or beyond MaxWithinKm (BAD_USER_INPUT naming
// the argument).
func (f LocationFilter) validate() error {
	if n := f.Near; n != nil {
		if !(n.Latitude >= -90 && n.Latitude <= 90) {
			return errcode.Field("near.latitude")
		}
		if !(n.Longitude >= -180 && n.Longitude <= 180) {
			return errcode.Field("near.longitude")
		}
	}
	if w := f.WithinKm; w != nil && (f.Near == nil || !(*w > 0 && *w <= MaxWithinKm)) {
		return errcode.Field("withinKm")
	}
	return nil
}

// place is a candidate of a locations query: what ordering, the exact
// radius and openNow need, without the text.
type place struct {
	ID        nodeid.ID      `json:"id"`
	Latitude  *float64       `json:"latitude"`
	Longitude *float64       `json:"longitude"`
	Hours     scheduleColumn `json:"hours"`
	distance  float64
}

// Locations answers the root locations field.
//
// With near, the database narrows the candidates to the bounding box of the
// circle (on the (latitude, longitude) index; the box is exact on the sphere,
// so it never drops a place inside the circle, and crosses the antimeridian
// or covers a pole when the circle does), and the exact haversine distance,
// computed here in Go, cuts at withinKm and orders the list: nearest first,
// then by ID. The same arithmetic runs on SQLite and PostgreSQL, so both
// answer alike. Without near, places are ordered by ID.
//
// It costs a fixed number of statements whatever the page size: one for the
// candidates (ID, coordinates, hours), two more with openNow for the hours of
// the services at places without their own, and the page itself with what
// the query selects eager-loaded (services, text).
func Locations(ctx context.Context, c *ent.Client, f LocationFilter, after *ent.Cursor, first *int, before *ent.Cursor, last *int) (*ent.LocationConnection, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	q := c.Location.Query()
	if f.AdaAccessible != nil {
		q.Where(location.AdaAccessible(*f.AdaAccessible))
	}
	if f.ModifiedAfter != nil {
		q.Where(location.UpdatedAtGT(*f.ModifiedAfter))
	}
	if f.Neighborhood != nil {
		q.Where(location.NeighborhoodEqualFold(*f.Neighborhood))
	}
	if f.ServiceCategory != nil {
		q.Where(location.HasServicesWith(service.CategoryEQ(*f.ServiceCategory), service.StatusEQ(service.StatusACTIVE)))
	}
	if f.Near != nil {
		q.Where(location.LatitudeNotNil(), location.LongitudeNotNil())
		if f.WithinKm != nil {
			q.Where(boundingBox(*f.Near, *f.WithinKm)...)
		}
	}
	var all []*place
	if err := q.Select(location.FieldID, location.FieldLatitude, location.FieldLongitude, location.FieldHours).Scan(ctx, &all); err != nil {
		return nil, err
	}
	if f.Near != nil {
		all = slices.DeleteFunc(all, func(p *place) bool {
			p.distance = HaversineKm(*f.Near, Near{*p.Latitude, *p.Longitude})
			return f.WithinKm != nil && p.distance > *f.WithinKm
		})
	}
	if f.OpenNow != nil {
		open, err := placesOpen(ctx, c, all)
		if err != nil {
			return nil, err
		}
		all = slices.DeleteFunc(all, func(p *place) bool { return open[p.ID] != *f.OpenNow })
	}
	order := func(p *place, id nodeid.ID, distance float64) int {
		if f.Near == nil {
			return cmp.Compare(p.ID, id)
		}
		return cmp.Or(cmp.Compare(p.distance, distance), cmp.Compare(p.ID, id))
	}
	slices.SortFunc(all, func(a, b *place) int { return order(a, b.ID, b.distance) })

	window := all
	for _, cur := range []struct {
		c     *ent.Cursor
		after bool
	}{{after, true}, {before, false}} {
		if cur.c == nil {
			continue
		}
		var distance float64
		if f.Near != nil {
			d, ok := cursorFloat(cur.c.Value)
			if !ok {
				return nil, errcode.Input("error.invalidCursor", nil)
			}
			distance = d
		}
		window = slices.DeleteFunc(slices.Clone(window), func(p *place) bool {
			o := order(p, cur.c.ID, distance)
			return cur.after && o <= 0 || !cur.after && o >= 0
		})
	}

	conn := &ent.LocationConnection{Edges: []*ent.LocationEdge{}, TotalCount: len(all)}
	conn.PageInfo.HasNextPage = before != nil
	conn.PageInfo.HasPreviousPage = after != nil
	page := window
	switch {
	case first != nil && len(window) > *first:
		page, conn.PageInfo.HasNextPage = window[:*first], true
	case last != nil && len(window) > *last:
		page, conn.PageInfo.HasPreviousPage = window[len(window)-*last:], true
	}
	if len(page) == 0 {
		return conn, nil
	}
	ids := make([]nodeid.ID, len(page))
	for i, p := range page {
		ids[i] = p.ID
	}
	pq := c.Location.Query().Where(location.IDIn(ids...))
	if nodeCtx, ok := connectionNodeContext(ctx); ok {
		var err error
		if pq, err = pq.CollectFields(nodeCtx); err != nil {
			return nil, err
		}
	}
	rows, err := pq.All(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[nodeid.ID]*ent.Location, len(rows))
	for _, l := range rows {
		byID[l.ID] = l
	}
	for _, p := range page {
		l, ok := byID[p.ID]
		if !ok {
			continue // removed meanwhile
		}
		cursor := ent.Cursor{ID: p.ID}
		if f.Near != nil {
			cursor.Value = p.distance
		}
		conn.Edges = append(conn.Edges, &ent.LocationEdge{Node: l, Cursor: cursor})
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor = &conn.Edges[0].Cursor
		conn.PageInfo.EndCursor = &conn.Edges[n-1].Cursor
	}
	return conn, nil
}

// boundingBox is the smallest latitude/longitude box holding every point at
// most km from p on the sphere (J. P. Matuschek, "Finding Points Within a
// Distance of a Latitude/Longitude Using Bounding Coordinates"), widened by a
// hair so rounding never drops a point on the circle. When the circle covers
// a pole the box spans every longitude; when it crosses the antimeridian the
// longitude test is two ranges.
func boundingBox(p Near, km float64) []predicate.Location {
	const deg = 180 / math.Pi
	const margin = 1e-9
	r := km / EarthRadiusKm // angular radius
	lat := p.Latitude / deg
	minLat, maxLat := (lat-r)*deg-margin, (lat+r)*deg+margin
	box := []predicate.Location{location.LatitudeGTE(minLat), location.LatitudeLTE(maxLat)}
	if minLat <= -90 || maxLat >= 90 {
		return box // a pole is inside: every longitude
	}
	dLng := math.Asin(math.Min(1, math.Sin(r)/math.Cos(lat)))*deg + margin
	minLng, maxLng := p.Longitude-dLng, p.Longitude+dLng
	switch {
	case dLng >= 180:
	case minLng < -180:
		box = append(box, location.Or(location.LongitudeGTE(minLng+360), location.LongitudeLTE(maxLng)))
	case maxLng > 180:
		box = append(box, location.Or(location.LongitudeGTE(minLng), location.LongitudeLTE(maxLng-360)))
	default:
		box = append(box, location.LongitudeGTE(minLng), location.LongitudeLTE(maxLng))
	}
	return box
}

// placesOpen says which candidates are open at the request's instant: by
// their own hours, or, for a place without its own hours, when one of the
// active services delivered there is open (one query for all of them).
func placesOpen(ctx context.Context, c *ent.Client, places []*place) (map[nodeid.ID]bool, error) {
	open := make(map[nodeid.ID]bool, len(places))
	var byServices []nodeid.ID
	for _, p := range places {
		if p.Hours.TimeZone == "" {
			byServices = append(byServices, p.ID)
			open[p.ID] = false
			continue
		}
		open[p.ID] = HoursAt(ctx, hours.Schedule(p.Hours)).Open
	}
	if len(byServices) == 0 {
		return open, nil
	}
	services, err := c.Service.Query().
		Where(service.StatusEQ(service.StatusACTIVE), service.HasLocationsWith(location.IDIn(byServices...))).
		WithLocations(func(q *ent.LocationQuery) { q.Select(location.FieldID) }).
		All(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range services {
		if !HoursAt(ctx, s.Hours).Open {
			continue
		}
		for _, l := range s.Edges.Locations {
			if slices.Contains(byServices, l.ID) { // a place with its own hours keeps them
				open[l.ID] = true
			}
		}
	}
	return open, nil
}

// cursorFloat reads the distance a cursor of a near query carries (always
// written as a float64).
func cursorFloat(v any) (float64, bool) {
	f, ok := v.(float64)
	return f, ok && !math.IsNaN(f)
}

// connectionNodeContext returns ctx as the connection's edges.node field
// would see it, so ent's field collection eager-loads what the query selects
// of each node (as the generated Paginate does for SQL-ordered connections).
func connectionNodeContext(ctx context.Context) (context.Context, bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return ctx, false
	}
	oc := graphql.GetOperationContext(ctx)
	field := fc.Field
walk:
	for _, name := range []string{"edges", "node"} {
		for _, f := range graphql.CollectFields(oc, field.Selections, nil) {
			if f.Name == name {
				field = f
				continue walk
			}
		}
		return ctx, false
	}
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Parent: fc, Object: fc.Field.Name, Field: field}), true
}

// ActiveServices returns the active services delivered at l, in display
// order, from the eager-loaded edge (editors also see inactive ones there).
// A selection of plain columns only loads no status column; then, and only
// then, the services are asked for again.
func ActiveServices(ctx context.Context, l *ent.Location) ([]*ent.Service, error) {
	rows, err := l.Services(ctx)
	if err != nil {
		return nil, err
	}
	if slices.ContainsFunc(rows, func(s *ent.Service) bool { return s.Status == "" }) {
		if rows, err = l.QueryServices().Where(service.StatusEQ(service.StatusACTIVE)).All(ctx); err != nil {
			return nil, err
		}
	}
	return SortServices(slices.DeleteFunc(slices.Clone(rows), func(s *ent.Service) bool {
		return s.Status != service.StatusACTIVE
	})), nil
}

// ServiceBySlug is the service with this slug, or nil when there is none or
// the viewer may not see it (the public sees active services only).
func ServiceBySlug(ctx context.Context, c *ent.Client, s string) (*ent.Service, error) {
	q, err := c.Service.Query().Where(service.Slug(s)).CollectFields(ctx)
	if err != nil {
		return nil, err
	}
	return orNil(q.Only(ctx))
}

// OrganizationBySlug is the organization with this slug, or nil.
func OrganizationBySlug(ctx context.Context, c *ent.Client, s string) (*ent.Organization, error) {
	q, err := c.Organization.Query().Where(organization.Slug(s)).CollectFields(ctx)
	if err != nil {
		return nil, err
	}
	return orNil(q.Only(ctx))
}

// ServesPostalCode matches services whose service areas list the ZIP code
// (a ZIP+4 counts by its first five digits); a malformed code is
// BAD_USER_INPUT.
func ServesPostalCode(code string) (predicate.Service, error) {
	z, err := area.PostalCode(code)
	if err != nil {
		return nil, errcode.Field("servesPostalCode")
	}
	return func(s *sql.Selector) {
		s.Where(sqljson.ValueContains(service.FieldServiceArea, z, sqljson.Path("postalCodes")))
	}, nil
}

func orNil[T any](v *T, err error) (*T, error) {
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return v, err
}
