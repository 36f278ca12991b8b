//go:build !linux

package corpus

// newMeter: the run-queue delay is read from Linux's /proc; elsewhere the
// workers do not adapt.
func newMeter() meter { return nil }
