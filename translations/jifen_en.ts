<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Receipt</name>
    <message>
        <source>Goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points offset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  of which green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green points balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you, please come again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redemption receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message>
        <source>Points spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::AdjustmentsTab</name>
    <message>
        <source>Member&apos;s phone or card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (required), then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points (+/-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment needs a reason: type why, then Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not adjusted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n point(s); balance %1.</source>
        <translation>
            <numerusform>Added %n point; balance %1.</numerusform>
            <numerusform>Added %n points; balance %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took off %n point(s); balance %1.</source>
        <translation>
            <numerusform>Took off %n point; balance %1.</numerusform>
            <numerusform>Took off %n points; balance %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jifen::Backup</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a SQLite database (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot check %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no database at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; a backup never overwrites a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directory %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup cannot be the database itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot back up %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the copy of %1 did not pass its integrity check: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move the backup into place at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::CheckoutScreen</name>
    <message>
        <source>The rule set cannot be read; sales are not possible. Run `jifen init` for this data directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the member card or type the phone, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a barcode, type a SKU or a name (3*SKU for three)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yuan, e.g. 12.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete sale (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint last receipt (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount only (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to earn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points offset (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tender (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member has card %1. Type the member&apos;s phone to find or enrol them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a mobile number nor a member card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 identified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member with phone %1: enrol them now, or Esc to go on without.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quantity is from 1 to 999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an amount-only sale; Esc to start over with items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product with barcode or name &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several products match; type more or scan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cart has items; an amount-only sale starts with an empty cart (Esc).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount in yuan (like 12.50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identify a member to earn points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (green %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cart is empty: scan an item or enter an amount (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale was not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jifen points · store %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>saves %1 yuan (at most %n point(s))</source>
        <translation>
            <numerusform>saves %1 yuan (at most %n point)</numerusform>
            <numerusform>saves %1 yuan (at most %n points)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n point(s)</source>
        <translation>
            <numerusform>at most %n point</numerusform>
            <numerusform>at most %n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sale %1 recorded: %n point(s) earned, %2 pending the store&apos;s budget.</source>
        <translation>
            <numerusform>Sale %1 recorded: %n point earned, %2 pending the store's budget.</numerusform>
            <numerusform>Sale %1 recorded: %n points earned, %2 pending the store's budget.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sale %1 recorded: %n point(s) earned.</source>
        <translation>
            <numerusform>Sale %1 recorded: %n point earned.</numerusform>
            <numerusform>Sale %1 recorded: %n points earned.</numerusform>
        </translation>
    </message>
    <message>
        <source>Receipt as PDF (Shift+F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last receipt cannot be read back: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::Clock</name>
    <message>
        <source>date %1 is not in the form YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time %1 is not an ISO 8601 instant like 2026-11-23T10:00:00+08:00</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::DayReportTab</name>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day report cannot be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), %1 yuan; %2 points issued (%3 green), %4 redeemed, %5 offset, %6 donated.</source>
        <translation>
            <numerusform>%n sale, %1 yuan; %2 points issued (%3 green), %4 redeemed, %5 offset, %6 donated.</numerusform>
            <numerusform>%n sales, %1 yuan; %2 points issued (%3 green), %4 redeemed, %5 offset, %6 donated.</numerusform>
        </translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no cashier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales per cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the report for %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::DonationsTab</name>
    <message>
        <source>Member&apos;s phone or card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The charities cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not donated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) donated, matched with %1; balance %2.</source>
        <translation>
            <numerusform>%n point donated, matched with %1; balance %2.</numerusform>
            <numerusform>%n points donated, matched with %1; balance %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jifen::EnrolDialog</name>
    <message>
        <source>The member agrees to the privacy terms (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol a new member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points are recorded with the phone number; it is shown only masked and never shared outside the points program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member&apos;s consent to the privacy terms is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enrolled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled, but the member cannot be read back: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::ErrorText</name>
    <message>
        <source>Correct the entry and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was recorded; ask the manager if it should be allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the number, or scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was recorded. Try once more; if it fails again, call the manager (the terminal&apos;s storage may be full or damaged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network cable or Wi-Fi; the terminal keeps working offline and syncs by itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::GreenTab</name>
    <message>
        <source>Member&apos;s phone or card, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered a survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended a training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared a green tip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant green points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green actions earn green points; beyond the terminal&apos;s monthly allowance they are deferred until HQ grants more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not granted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n green point(s) granted; green balance %1.</source>
        <translation>
            <numerusform>%n green point granted; green balance %1.</numerusform>
            <numerusform>%n green points granted; green balance %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) deferred (allowance used up).</source>
        <translation>
            <numerusform>%n point deferred (allowance used up).</numerusform>
            <numerusform>%n points deferred (allowance used up).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jifen::HouseholdsTab</name>
    <message>
        <source>Head&apos;s phone (Enter shows the household)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member&apos;s phone to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer within the household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No household: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Household of %1: %n member(s), at most %2 points sent per member a month.</source>
        <translation>
            <numerusform>Household of %1: %n member, at most %2 points sent per member a month.</numerusform>
            <numerusform>Household of %1: %n members, at most %2 points sent per member a month.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household created for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not transferred: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) transferred; balances now %1 and %2.</source>
        <translation>
            <numerusform>%n point transferred; balances now %1 and %2.</numerusform>
            <numerusform>%n points transferred; balances now %1 and %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jifen::Identity</name>
    <message>
        <source>phone number is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone number %1 is not a mainland mobile number (11 digits, 13x-19x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card number is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card number must be 4-32 letters, digits or dashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is longer than 64 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ref is empty; every write needs a client reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference must be 1-64 characters of letters, digits and . _ : -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be 1-32 letters, digits, _ or -</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::IncidentsTab</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents HQ raised about this store, as of the last sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The incidents cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No incidents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s).</source>
        <translation>
            <numerusform>%n incident.</numerusform>
            <numerusform>%n incidents.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jifen::Ledger</name>
    <message>
        <source>store id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminal id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the built-in rule set is invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this data directory already belongs to terminal %1 of store %2 (%3); a terminal&apos;s identity never changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a member needs a phone number or a card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member kind &quot;%1&quot; is not one of person, enterprise, institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a member with %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit must be positive and offset not negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--after must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role &quot;%1&quot; is not cashier or manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a PIN is 4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an operator named %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this needs a manager&apos;s approval: give the manager PIN (--pin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager approval is locked after 5 wrong PINs; try again after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no manager is registered on this terminal; add one with `jifen operator add --role manager`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong manager PIN; approval is now locked for 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong manager PIN (%1 of 5 attempts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the expiry date is not a valid date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot expire points as of %1, which is after today (%2): points are never taken before their time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month %1 is not in the form YYYY-MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an allowance is a whole number of points from 0 to 10^12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 allowance cannot go below the %2 points already issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compliance rule 4 (no transfer between unrelated members): %1; points move only inside one household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in a household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not head a household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in this household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in another household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the household is full (%1 members at most)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the head cannot leave the household they head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in this household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in a household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a transfer is a positive whole number of points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a member cannot transfer to themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 are not in the same household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 are no longer in the same household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the monthly transfer limit is %1 points; %2 already sent this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough points to transfer: balance %1, asked %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this terminal is not initialised; run `jifen init --store S --terminal T`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rule set loaded; run `jifen init` first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule set %1 vanished while loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored rule set %1 no longer loads: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member #%1 not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either a phone number or a card number, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a member is needed: give --phone or --card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no member with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference %1 was already used for a different %2; a retry must repeat the same request, a new request needs a new --ref</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lot %1 of this member is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the balance row of member %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lot %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compliance rule %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no operator named %1 on this terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green action &quot;%1&quot; is not one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points only for consumption or recorded green actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the monthly cap of %1 green points from actions is reached (%2 this month, %3 more asked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an adjustment is a non-zero whole number of points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points only for consumption or recorded actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an adjustment needs a reason (--reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reason is longer than 200 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issuance within the marketing budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this terminal has %1 points of allowance left this month, the adjustment asks %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an adjustment cannot take more than the balance (%1 available, %2 asked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a donation is a positive whole number of points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no registered charity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough points to donate: balance %1, asked %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spends points without HQ, and offline only points HQ has confirmed can be spent: %2 available, %3 needed (points earned since the last sync count once synced). Sync first, or spend fewer points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spends points without HQ, and offline a member may spend at most %2 points a day (redemptions, offsets, donations and transfers): %3 left today, %4 needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reward code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity must be between 1 and 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reward %1 in the catalog (rule set %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reservation id is 16 to 64 lowercase hex digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a festival reward of %2 and can be redeemed only while it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of stock (%2 left, %3 asked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes green points only: green balance %2, price %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough points for %1: balance %2, price %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ cannot authorise this redemption now, and offline only points HQ has confirmed can be spent: %1 available, %2 needed (points earned since the last sync count once synced). Sync, or redeem when HQ is reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ cannot authorise this redemption now, and offline a member may redeem at most %1 points a day: %2 left today, %3 needed. Redeem when HQ is reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no redemption with reference %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redemption %1 was already returned (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal entry of redemption %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the earn entry %1 of sale %2 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sale with reference %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale %1 is already fully refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale %1 was paid entirely with points; only a full refund (no --amount) is possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund of %1 yuan is more than the %2 yuan still refundable on sale %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the offset entry of sale %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month %1-%2 is not a valid month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the report date is not a valid date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule set version %1 is not newer than the active version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule set %1 has no category &quot;%2&quot;, this terminal&apos;s merchant category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule set version %1 is not the active version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item &quot;%1&quot; is not SKU:QTY or SKU:QTY:PRICE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no product with SKU %1 in rule set %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity of %1 must be a whole number from 1 to 999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sale is either an amount (--amount) or items (--item), not both and not neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points to offset must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points to offset are too many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tender &quot;%1&quot; is not one of cash, wechat, alipay, card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--category is for amount-only sales; items carry their own category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bill is too large (at most 99999999.99 yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points can only offset a bill when a member is identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points offset in whole yuan: %1 points is not a multiple of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points may pay at most the bill: %1 points are %2 yuan, the bill is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points may pay at most the eligible part of the bill: %1 points are %2 yuan, that part is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough points to offset: balance %1, asked %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this points offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no survey %1 in rule set %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least one answer (--answer QUESTION=VALUE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>survey %1 has no question &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &quot;%1&quot; is answered twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer to &quot;%1&quot; must be 1-500 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the options of &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this member already answered survey %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers recorded; no green points: the monthly cap of %1 is reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 green points deferred until the terminal has allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ time is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ sent a malformed stock delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ&apos;s snapshot claims this terminal&apos;s seq %1, but the journal ends at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::ManagerPinDialog</name>
    <message>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::ManagerScreen</name>
    <message>
        <source>Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+1…9 or Ctrl+Tab switch tabs · Tab moves between fields · Enter confirms · Esc back to checkout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::MemberPanel</name>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring in 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (first on %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no member</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::Money</name>
    <message>
        <source>amount is empty; give yuan like 12.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount %1 is negative; amounts must be positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount %1 has more than two decimals (fen is the smallest unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount %1 is not a number of yuan like 12.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount %1 is too large (at most 99999999.99)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount %1 must be at least 0.01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points value is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points value %1 is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points value %1 must be positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points value %1 is too large</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::OnlineRedemption</name>
    <message>
        <source>HQ refused the redemption: HQ answered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::OperatorsTab</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN, 4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operators cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::PosMainWindow</name>
    <message>
        <source>Jifen points — checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt cannot be encoded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt to reprint yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer is configured (start with --printer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2 member · F3 item · F4 qty · F5 amount · F6 points · F7 tender · F8 reprint · Shift+F8 receipt PDF · F9 remove line · F10 sync · Shift+F10 manager · F11 redeem · F12 pay · Shift+F12 refund · Esc cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing failed: %1. Check that the printer is on, has paper and is connected, then reprint with F8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manager&apos;s screen needs a manager&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2 member · F3 reward · F4 qty · F5 category · F12 or Enter redeem · F10 sync · F11 checkout · Shift+F12 refund · Esc back to checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2 receipt no. · F4 amount · F12 or Enter refund · F10 sync · F11 checkout · Esc back to checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+1…9 tabs · Tab next field · Enter confirm · F10 sync · Esc back to checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt to save yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No folder for receipt PDFs is set (start with --receipt-pdf-dir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt PDF was not saved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::ReceiptPrinter</name>
    <message>
        <source>No receipt printer is configured (start with --printer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer address %1 is not tcp://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer %1 did not take the receipt: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer %1 timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::RedeemScreen</name>
    <message>
        <source>Scan the member card or type the phone, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search rewards by name or code; Up/Down to choose, Enter to redeem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeem points — F12 or Enter redeems, Esc back to checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member found for &quot;%1&quot;; enrol new members at the checkout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 identified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify the member first (F2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reward chosen: type part of its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not redeemed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking HQ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorised: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online by HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline, within the offline limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by this terminal (not enrolled with HQ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 × %2 for %n point(s) needs a manager&apos;s approval.</source>
        <translation>
            <numerusform>%1 × %2 for %n point needs a manager's approval.</numerusform>
            <numerusform>%1 × %2 for %n points needs a manager's approval.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redeemed %1 × %2 for %n point(s); balance %3.</source>
        <translation>
            <numerusform>Redeemed %1 × %2 for %n point; balance %3.</numerusform>
            <numerusform>Redeemed %1 × %2 for %n points; balance %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner reward</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::RefundScreen</name>
    <message>
        <source>Scan the receipt&apos;s QR code or type the receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: refund everything not yet refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt no. (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to refund, yuan (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the receipt number first (F2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not refunded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale is fully refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Refunded %1 yuan of %2: %n point(s) taken back, %3 offset points returned; balance %4.%5</source>
        <translation>
            <numerusform>Refunded %1 yuan of %2: %n point taken back, %3 offset points returned; balance %4.%5</numerusform>
            <numerusform>Refunded %1 yuan of %2: %n points taken back, %3 offset points returned; balance %4.%5</numerusform>
        </translation>
    </message>
    <message>
        <source>Refunds and returned rewards — Enter or F12 refunds, Esc back to checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sale or redemption with reference %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reward of %1 returned: %n point(s) back to the member; balance %2. Stocked goods go back into stock.</source>
        <translation>
            <numerusform>Reward of %1 returned: %n point back to the member; balance %2. Stocked goods go back into stock.</numerusform>
            <numerusform>Reward of %1 returned: %n points back to the member; balance %2. Stocked goods go back into stock.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jifen::RuleSet</name>
    <message>
        <source>rule set refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule set refused by compliance rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown merchant category &quot;%1&quot; (rule set %2 knows: %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::SalePreview</name>
    <message>
        <source>the line for %1 is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sale is either an amount or items, not both and not neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points to offset must be from 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no product with SKU %1 in rule set %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity of %1 must be a whole number from 1 to 999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bill is too large (at most 99999999.99 yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points can only offset a bill when a member is identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points offset in whole yuan: %1 points is not a multiple of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points may pay at most %1 yuan of this bill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::Salvage</name>
    <message>
        <source>cannot salvage into %1: the file exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot copy %1 to salvage it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot copy %1-wal to salvage it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing in %1 is readable (not even its list of tables)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither the identity nor any journal entry of %1 is readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the salvaged ledger %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reconcile the salvaged ledger (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::SettingsTab</name>
    <message>
        <source>/dev/usb/lp0 or tcp://192.168.1.50:9100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nightly sync hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enrolled (jifen enroll --hq URL --code CODE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The printer applies now; the sync hour and the language at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::StatementsTab</name>
    <message>
        <source>member&apos;s phone or card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a PDF file to write, e.g. /tmp/statement.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make statement (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement cannot be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or scan the member&apos;s phone or card first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the statement…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::Store</name>
    <message>
        <source>cannot open database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database %1 is corrupt (%2); it was quarantined as %3 and nothing was deleted; nothing could be salvaged from it (%4). Restore a backup or re-initialise the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database %1 was written by a newer Jifen (schema %2, this build knows %3); upgrade Jifen instead of opening it with this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage failure (%1) in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage failure preparing a statement in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage failure in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::SyncClient</name>
    <message>
        <source>HQ sent no usable key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this terminal is not enrolled with HQ; run `jifen enroll --hq URL --code CODE`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ sent no time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ acknowledges seq %1 but this terminal&apos;s journal ends at %2; this terminal&apos;s database may have been replaced — do not push, call support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ acknowledged seq %1 for a push of %2..%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ sent member %1 of an unknown kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ sent a malformed lot reference %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule set %1 here differed from HQ&apos;s; HQ&apos;s content replaces it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule set %1 not loaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowance %1 not applied: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ unreachable: %1</source>
        <comment>no connection to HQ</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ unreachable: %1</source>
        <comment>HQ did not answer in time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ unreachable: %1</source>
        <comment>no secure connection (TLS) to HQ</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>HQ does not accept this terminal&apos;s signature (401)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>HQ refused the request (409)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>HQ found the request malformed (400)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>HQ does not know the terminal or what was asked (404)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>the request is over HQ&apos;s size limit (413)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>HQ failed (500, or a gateway&apos;s 5xx)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>any other answer from HQ</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ sent this terminal&apos;s own lots left out of a full pull</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jifen::SyncStatusWidget</name>
    <message>
        <source>Sync now (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enrolled with HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries not yet at HQ, last sync %1</source>
        <translation>
            <numerusform>%n entry not yet at HQ, last sync %1</numerusform>
            <numerusform>%n entries not yet at HQ, last sync %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
