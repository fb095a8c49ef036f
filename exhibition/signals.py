"""Signals the exhibition app sends for other apps (search, tours) to subscribe to.

The exhibition knows nothing of search or tours: it announces what changed, and they
decide what to recompute. Sent after the change has committed.
"""

from django.dispatch import Signal

# A collection object's record or media changed (import, admin edit), or its visibility
# did. Arguments: ``collection_object`` (CollectionObject), ``reason`` (short text:
# "imported", "admin", "visibility"...). Receivers must check visibility themselves.
collection_object_changed = Signal()

# A collection object was deleted. Arguments: ``object_id`` (int), ``slug`` (str).
collection_object_deleted = Signal()

# A curator decided on a machine output: approved it, rejected it or returned it to draft.
# Arguments: ``output`` (MachineOutput), ``status`` and ``old_status`` (ReviewStatus values).
# What the public site shows may have changed (a description's speech, for one).
machine_output_reviewed = Signal()
