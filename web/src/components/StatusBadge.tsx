// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from 'react';

export function StatusBadge({
  status = 'neutral',
  children,
}: {
  status?: 'neutral' | 'success' | 'danger' | 'warning';
  children: ReactNode;
}) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${status}`}>{children}</span>;
}
