package reader

// cache keeps recent renders so that moving back to an article, or back to
// a width, shows it at once. It is only touched from Update, never from a
// render Cmd, so it needs no lock.
type cache struct {
	limit int
	order []CacheKey // oldest first
	lines map[CacheKey]*rendering
}

func newCache(limit int) *cache {
	return &cache{limit: limit, lines: make(map[CacheKey]*rendering, limit)}
}

func (c *cache) get(k CacheKey) (*rendering, bool) {
	l, ok := c.lines[k]
	return l, ok
}

// put stores a render, dropping the oldest once the cache is full.
func (c *cache) put(k CacheKey, lines *rendering) {
	if _, ok := c.lines[k]; ok {
		c.lines[k] = lines
		return
	}
	if len(c.order) >= c.limit {
		delete(c.lines, c.order[0])
		c.order = c.order[1:]
	}
	c.order = append(c.order, k)
	c.lines[k] = lines
}
