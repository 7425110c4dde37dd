// SPDX-License-Identifier: EUPL-1.2
import { forwardRef } from 'react';
import type { HTMLAttributes, ReactNode, Ref } from 'react';

export const Heading1 = forwardRef<HTMLHeadingElement, HTMLAttributes<HTMLHeadingElement>>(function Heading1(
  { className, children, ...rest },
  ref,
) {
  return (
    <h1 ref={ref} className={`utrecht-heading-1 ${className ?? ''}`.trim()} {...rest}>
      {children}
    </h1>
  );
});

export function Heading2({
  className,
  children,
  ref,
  ...rest
}: HTMLAttributes<HTMLHeadingElement> & { ref?: Ref<HTMLHeadingElement> }) {
  return (
    <h2 ref={ref} className={`utrecht-heading-2 ${className ?? ''}`.trim()} {...rest}>
      {children}
    </h2>
  );
}

export function Heading3({ className, children, ...rest }: HTMLAttributes<HTMLHeadingElement>) {
  return (
    <h3 className={`utrecht-heading-3 ${className ?? ''}`.trim()} {...rest}>
      {children}
    </h3>
  );
}

export function Paragraph({
  lead = false,
  small = false,
  className,
  children,
  ...rest
}: HTMLAttributes<HTMLParagraphElement> & { lead?: boolean; small?: boolean }) {
  const classes = ['utrecht-paragraph', lead ? 'utrecht-paragraph--lead' : '', small ? 'utrecht-paragraph--small' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <p className={classes} {...rest}>
      {children}
    </p>
  );
}

export function UnorderedList({ children, className }: { children: ReactNode; className?: string }) {
  return <ul className={`utrecht-unordered-list ${className ?? ''}`.trim()}>{children}</ul>;
}

export function ListItem({ children }: { children: ReactNode }) {
  return <li className="utrecht-unordered-list__item">{children}</li>;
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="knooppunt-visually-hidden">{children}</span>;
}

export function Code({ children, ...rest }: HTMLAttributes<HTMLElement>) {
  return (
    <code className="utrecht-code" {...rest}>
      {children}
    </code>
  );
}
