"""Demo content for `manage.py seed_demo`: the bilingual site tree, the roles and demo users.

- `seed`: the builder and its idempotency contract (start there);
- `data/`: the content itself, written once in Hungarian and English (`bilingual.T`);
- `bilingual`, `pages`, `logos`: helpers (two-language texts, create-if-missing pages and
  translations through wagtail-localize, generated logos);
- `roles`, `users`: the groups with their permissions, and the demo users.
"""
