import { forwardRef } from 'react';
import { Link as RouterDomLink, type LinkProps } from 'react-router';

/** react-router's Link, usable as MUI's `component` prop (Button, Link, ListItemButton). */
export const RouterLink = forwardRef<HTMLAnchorElement, LinkProps>(function RouterLink(props, ref) {
  return <RouterDomLink ref={ref} {...props} />;
});
