import { renderView } from '../components/renderView';
import { ConfigurationView } from './ConfigurationView';

renderView(<ConfigurationView />);
