"""The public page cache: anonymous readers' HTML pages and API responses, kept in Django's cache
(Redis with REDIS_URL, else the database cache) and invalidated by tags.

- `declare.py`: a view says its response may be cached and what it shows (its tags).
- `store.py`: entries and tag versions in the cache; a hit needs two cache reads.
- `middleware.py`: serves hits, stores misses, never anything personal.
- `invalidation.py`: `invalidate(instance)`, the one function every change goes through.
- `receivers.py`: Wagtail's and Django's signals that call it.

See README, "Caching".
"""
