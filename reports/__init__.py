"""PDF reports of an object or an exhibition, made in the background from what the public
site shows: the record, images, notes, approved restorations and descriptions, licences.
"""
