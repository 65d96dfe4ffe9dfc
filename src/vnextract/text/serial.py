"""``SERIAL``: regex's ``concurrent`` argument for the hot pattern calls, given by position.

By default regex gives up the GIL while it matches a ``str`` and takes it back for every allocation on
the way (its backtracking stack, a scanner's lock). ``extract`` runs its patterns on short stretches, one
thread at a time, and there handing the GIL over costs more than many a match: about 1,100 instructions
a call (callgrind; 3,700 for a short ``match`` without it, 2,600 with). ``False`` keeps the GIL. As a
keyword it would cost more than it saves (a keyword call builds a dict), so it goes fourth, after the
bounds: ``pattern.match(text, pos, end, SERIAL)``; ``sub`` takes it sixth, after the count and bounds.
Threads calling ``extract`` at once still work, taking turns inside the patterns as they do elsewhere.
Only the calls made most often pass it (``finditer`` gains nothing from it and keeps the default).
"""
SERIAL = False
