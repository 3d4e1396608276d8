// Runs before the page is drawn (a classic script in <head>): see index.html.
if (/[?&#]lang=(ur|fa)/i.test(location.search + location.hash)) document.documentElement.classList.add('page-text-pending');
