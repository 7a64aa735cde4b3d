// A transcript's times start the recording beside it at that moment, without leaving the page.
// Without this script each time is a link to the recording with a media fragment (#t=12.5),
// which the browser's own player opens at that moment: the script only keeps the reader here.
for (const link of document.querySelectorAll('.transcript-cues a.cue-time')) {
  link.addEventListener('click', (event) => {
    const player = link.closest('figure')?.querySelector('audio, video');
    const start = Number(link.dataset.start);
    if (!player || !Number.isFinite(start)) return;
    event.preventDefault();
    player.currentTime = start;
    player.play().catch(() => {});
    player.focus();
  });
}
