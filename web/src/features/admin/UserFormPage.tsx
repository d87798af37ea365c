import { Page } from '../../components/Page';

export default function Stub() {
  return <Page title="UserFormPage" />;
}
