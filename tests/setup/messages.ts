// Components and shared code translate through the registry the server fills (i18n.server.ts).
import '../../app/utils/i18n.server'
