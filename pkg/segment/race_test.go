//go:build race

package segment

// raceEnabled trims the identity tests under -race (ten times slower):
// the race detector is there for the concurrent paths (TestConcurrentAuto),
// the identities are proven by the ordinary run.
const raceEnabled = true
