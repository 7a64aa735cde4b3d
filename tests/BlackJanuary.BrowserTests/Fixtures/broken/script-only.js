// DELIBERATELY BROKEN (see README.md): writes the page's content, so without JavaScript there is none.
document.getElementById('header').innerHTML = '<nav aria-label="Main"><a href="missing-alt.html">Home</a></nav>';
document.getElementById('main').innerHTML = '<h1>Script only</h1><p>Visible only with JavaScript.</p>';
