import { useEffect, useRef } from 'react';
import Typography, { type TypographyProps } from '@mui/material/Typography';

let firstRender = true;

/**
 * The page's single h1. After an in-app navigation it takes keyboard focus, so screen readers announce
 * the new page from its heading (not the first input), as the multi-step form research recommends.
 * The very first page load leaves focus where the browser put it.
 */
export function PageHeading({ children, ...props }: TypographyProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstRender) {
      firstRender = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [children]);
  return (
    <Typography
      ref={ref}
      variant="h1"
      component="h1"
      tabIndex={-1}
      id="page-heading"
      sx={{
        outline: 'none',
        mb: 2,
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
      }}
      {...props}
    >
      {children}
    </Typography>
  );
}
