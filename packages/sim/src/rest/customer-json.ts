/**
 * The simulated customer behind `GET /customers/me`, with every field tastyware's `Customer` model
 * requires (tastyware/tastytrade `tastytrade/session.py`: Customer, Address, CustomerAccountType,
 * CustomerAccountMarginType). Values are made up; only the shape follows the model.
 */
const ADDRESS = {
  "street-one": "1 Simulated Way",
  city: "Chicago",
  "state-region": "IL",
  "postal-code": "60604",
  country: "USA",
  "is-foreign": false,
  "is-domestic": true,
};

const ACCOUNT_TYPES = [
  {
    name: "Individual",
    description: "Individual Account",
    "is-tax-advantaged": false,
    "is-publicly-available": true,
    "has-multiple-owners": false,
    "margin-types": [
      { name: "Cash", "is-margin": false },
      { name: "Reg T", "is-margin": true },
    ],
  },
];

/** `data` of `GET /customers/me`. */
export function customerJson(): Record<string, unknown> {
  return {
    id: "me",
    "external-id": "SIM-CUST-0001",
    "first-name": "Sim",
    "last-name": "Trader",
    email: "sim@example.invalid",
    address: ADDRESS,
    "mailing-address": ADDRESS,
    "is-foreign": false,
    "usa-citizenship-type": "Citizen",
    "citizenship-country": "USA",
    "mobile-phone-number": "+15555550100",
    "birth-date": "1980-01-01",
    "tax-number-type": "SSN",
    "subject-to-tax-withholding": false,
    "has-industry-affiliation": false,
    "has-listed-affiliation": false,
    "has-political-affiliation": false,
    "has-delayed-quotes": false,
    "has-pending-or-approved-application": true,
    "is-professional": false,
    "permitted-account-types": ACCOUNT_TYPES,
    "created-at": "2024-01-02T14:30:00.000+00:00",
    "agreed-to-margining": true,
    "agreed-to-terms": true,
  };
}
