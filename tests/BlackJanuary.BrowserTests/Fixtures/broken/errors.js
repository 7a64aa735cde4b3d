// DELIBERATELY BROKEN (see README.md): a console error and an uncaught exception.
console.error('deliberate console error');
throw new Error('deliberate page error');
