"""The gallery map: the building's rooms, the ways between them and where objects are shown.

``validation`` checks a map file, ``loader`` writes it as the current map, ``selectors`` give the
planner its ``MuseumGraph`` and exhibits, ``svg`` draws the map and a route for visitors.
The file format is described in docs/gallery-map.md.
"""
