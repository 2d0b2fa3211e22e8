/** What every page gets: the route's parameters. */
export interface PageProps {
  params: URLSearchParams;
}
