import { renderView } from '../../components/renderView';
import { SendWebEventView } from './SendWebEventView';

renderView(<SendWebEventView />);
