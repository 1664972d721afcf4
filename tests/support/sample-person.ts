// One valid person to register in tests that need "someone" and not a particular case (the shell's
// tests, the desktop smoke test): her personal ID agrees with her birth year and sex.
export const samplePerson = {
  fullName: 'Nguyễn Thị Lan',
  dateOfBirth: '1985-04-12',
  sex: 'female',
  personalId: '001185012345',
  ethnicity: 'Kinh',
  provinceCode: '01',
  communeCode: '00004',
  addressLine: 'Số 1 phố Kim Mã',
} as const;
