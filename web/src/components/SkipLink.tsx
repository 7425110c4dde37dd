// SPDX-License-Identifier: EUPL-1.2
import type { MouseEvent } from 'react';

/** Skiplink naar de hoofdinhoud (`<main id="inhoud" tabIndex={-1}>`); zet daar ook de focus. */
export function SkipLink({ label }: { label: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('inhoud');
    if (main) {
      event.preventDefault();
      main.focus();
      main.scrollIntoView();
    }
  };
  return (
    <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud" onClick={onClick}>
      {label}
    </a>
  );
}
