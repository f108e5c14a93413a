/**
 * The address to hand to someone else for the page being shown (ticket summaries, "copy link"): the same
 * route without the query before the `#`. The only thing the app reads there is the embed switch
 * (`?embed=1`, which the link gate also moves there from the route), and a link copied from an embedded
 * page should open the full app.
 */
export function shareableUrl(href: string): string {
  try {
    const url = new URL(href);
    url.search = '';
    return url.href;
  } catch {
    return href;
  }
}
