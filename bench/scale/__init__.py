"""``bench_scale``: the site at N objects on PostgreSQL + Redis, from import to page latency.

``environment`` checks the services and owns the benchmark's own database and Redis DB,
``pipeline`` runs generate → import → embed → index as separate processes (timed, peak
memory measured), ``steps`` is what those processes run inside the benchmark database,
``serving`` starts N daphne workers on one shared socket, ``load`` measures the pages,
``report`` prints the table or the JSON object.
"""
