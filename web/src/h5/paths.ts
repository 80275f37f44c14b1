// The H5 page's URL prefix (the server serves h5/index.html for every path under it).
export const H5_BASE = '/h5';
