// Package hours models a service's opening hours (weekly periods in an IANA
// time zone, 24/7, by appointment, dated closures) and answers "is it open at
// this instant, and until when / from when".
//
// Everything takes the instant as an argument: callers pass one instant per
// request, so every field of a response agrees. Periods are wall-clock times in
// the schedule's zone, so a 09:00 opening stays 09:00 across DST changes; an
// overnight period (closes at or before it opens, e.g. 22:00-06:00) ends on the
// next day, and "24:00" means midnight at the end of the day. A dated closure
// cancels every period that starts on that local date.
package hours
