// Reads an iCalendar file with ical.js, the parser Thunderbird uses, and prints each
// event's summary and UTC start and end as JSON. ical.js knows no time zones of its own:
// it uses only the VTIMEZONE blocks inside the file, so this tests the embedded one.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    summary: event.summary,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    zone: event.startDate.zone.tzid,
  };
});
console.log(JSON.stringify(events));
