// Route loaders that start a page's first request as soon as the navigation begins (a menu click, a reload, a link),
// in parallel with the page's code and its first render, instead of after that render. They never wait for the answer:
// the page's own useQuery finds it in flight or cached under the same key, and the navigation is not held up.
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunction, ShouldRevalidateFunction } from 'react-router';
import type { TMe } from '@gonghui/common';
import { authApi } from '../api/endpoints.ts';
import { queryClient } from './queryClient.ts';
import { ME_KEY } from './session.ts';

/**
 * Starts what a page opens with at this address for this user, with queryClient.prefetchQuery (answers younger than
 * their staleTime are not asked for again); nothing when the page has to decide first.
 */
export type PagePrefetch = (queryClient: QueryClient, me: TMe, url: URL) => void;

/** A loader running the page's prefetch once the session is known, and returning at once. */
export function prefetchLoader(prefetch: PagePrefetch): LoaderFunction {
  return ({ request }) => {
    // The session is cached after the first page; on a reload its request is already in flight (router.tsx).
    queryClient
      .ensureQueryData({ queryKey: ME_KEY, queryFn: authApi.me, retry: false })
      .then((me) => prefetch(queryClient, me, new URL(request.url)))
      .catch(() => undefined);
    return null;
  };
}

/** Only on entering the page: changes of its own search parameters are the page's business. */
export const onEnterOnly: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  currentUrl.pathname !== nextUrl.pathname && defaultShouldRevalidate;
