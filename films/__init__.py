"""Narrated exhibition films: an MP4 of an exhibition's objects, each shown with a slow zoom
while the speech of its curator-approved description plays, with captions.

``storyboard`` decides what the film shows and says (and the version key that names it),
``pictures`` and ``cards`` draw the frames, ``soundtrack`` lays out the audio, ``captions``
times the cues, ``render`` drives ffmpeg, and ``services`` builds and stores a film.
"""
