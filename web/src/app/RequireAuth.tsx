import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/auth';
import { ErrorState, LoadingState } from '../components/states';
import { AppLayout } from './AppLayout';
import { BareLayout } from './BareLayout';
import { ForbiddenPage as ForbiddenInline } from '../features/errors/ErrorPages';

/** Pages behind login: sends visitors to the login page and back again afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <BareLayout>
        <LoadingState />
      </BareLayout>
    );
  }
  if (me.isError) {
    return (
      <BareLayout>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </BareLayout>
    );
  }
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <AppLayout me={me.data} />;
}

/** Shows its children only to users with the capability; others get "no access". */
export function RequireCan({
  can,
  children,
}: {
  can: 'administer' | 'createPlan' | 'readAllPlans' | 'portfolio' | 'evaluation';
  children: ReactNode;
}) {
  const me = useMe();
  if (!me.data?.can[can]) return <ForbiddenInline />;
  return children;
}
